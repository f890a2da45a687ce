package dropsonde

// AppendDirect exposes DecodeAppend's fast path, so the suite and
// FuzzDirect can tell which path a datagram took.
func (d Decoder) AppendDirect(dst, datagram []byte) ([]byte, bool) {
	return d.appendDirect(dst, datagram)
}

// Direct reports whether EncodeRaw takes its direct path for raw.
func (enc *Encoder) Direct(raw []byte) bool {
	_, ok := enc.encodeDirect(raw)
	return ok
}
