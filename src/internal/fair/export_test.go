package fair

// LaneOf is the lane source's envelopes go to.
func (b *Buffer) LaneOf(source []byte) int { return b.laneOf(source) }

// Lanes is the number of lanes.
func (b *Buffer) Lanes() int { return len(b.lanes) }
