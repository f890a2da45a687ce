package agent

import (
	"context"
	"errors"
	"io"
	"sync"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/diode"
	"loggregator/internal/wire"
)

// ingress serves the v2 Ingress service. Envelopes stay encoded
// (wire.Codec): each RPC checks what it receives with wire.Scan, copies the
// accepted envelopes with the agent's tags appended into one buffer per
// batch, puts them in the diode and returns; none ever waits on the
// forwarding side.
type ingress struct {
	buf     *diode.ManyToOne[[]byte]
	maxSize int
	noLogs  bool // drop log envelopes (Config.Ingress.DisableLogs)
	tags    *tagger
	m       *ingressMetrics
	scratch sync.Pool // *scratch, for unary Send
}

// scratch is the reusable state of one receive loop.
type scratch struct {
	batch  wire.Batch
	fields wire.Fields
	kept   [][]byte // accepted envelopes, untagged
	out    [][]byte // the same, tagged, in the batch buffer
	keys   [][]byte // one envelope's tag keys
}

func (s *ingress) register(g *grpc.Server) {
	g.RegisterService(&grpc.ServiceDesc{
		ServiceName: "loggregator.v2.Ingress",
		HandlerType: (*any)(nil),
		Methods: []grpc.MethodDesc{{
			MethodName: "Send",
			Handler: func(_ any, _ context.Context, dec func(any) error, _ grpc.UnaryServerInterceptor) (any, error) {
				sc, _ := s.scratch.Get().(*scratch)
				if sc == nil {
					sc = &scratch{}
				}
				defer s.scratch.Put(sc)
				if err := dec(&sc.batch); err != nil {
					return nil, err
				}
				s.accept(sc, sc.batch.Envelopes, sc.batch.Invalid)
				clear(sc.batch.Envelopes) // the pool must not pin the batch
				return &loggregator_v2.SendResponse{}, nil
			},
		}},
		Streams: []grpc.StreamDesc{
			{StreamName: "Sender", ClientStreams: true, Handler: func(_ any, st grpc.ServerStream) error {
				var sc scratch
				var e wire.Envelope
				one := make([][]byte, 1)
				for {
					if err := st.RecvMsg(&e); err != nil {
						return endOfStream(err, func() error { return st.SendMsg(&loggregator_v2.IngressResponse{}) })
					}
					one[0] = e.Bytes
					s.accept(&sc, one, 0)
				}
			}},
			{StreamName: "BatchSender", ClientStreams: true, Handler: func(_ any, st grpc.ServerStream) error {
				var sc scratch
				for {
					if err := st.RecvMsg(&sc.batch); err != nil {
						return endOfStream(err, func() error { return st.SendMsg(&loggregator_v2.BatchSenderResponse{}) })
					}
					s.accept(&sc, sc.batch.Envelopes, sc.batch.Invalid)
				}
			}},
		},
		Metadata: "loggregator-api/v2/ingress.proto",
	}, s)
}

// accept validates envs, copies the good ones with the agent's tags into
// one new buffer and stores them. The buffer holds only stored envelopes,
// and the diode drops oldest first, so what it pins stays close to what the
// diode holds; the received batch itself is garbage once accept returns. invalid is the number of records the
// codec could not frame. The buffer is the only allocation on the common
// path; an envelope whose source_id must be filled from its origin tag is
// re-encoded first.
func (s *ingress) accept(sc *scratch, envs [][]byte, invalid int) {
	sc.kept = sc.kept[:0]
	size, tooLarge, logs := 0, 0, 0
	for _, e := range envs {
		if err := wire.Scan(e, &sc.fields); err != nil || sc.fields.Kind == wire.KindNone {
			invalid++
			continue
		}
		if s.noLogs && sc.fields.Kind == wire.KindLog {
			logs++
			continue
		}
		if len(e) > s.maxSize {
			tooLarge++
			continue
		}
		if len(sc.fields.SourceID) == 0 && hasOrigin(e) {
			e = fillSourceID(e)
		}
		sc.kept = append(sc.kept, e)
		size += len(e) + s.tags.size
	}
	if invalid > 0 {
		s.m.invalid.Add(float64(invalid))
	}
	if tooLarge > 0 {
		s.m.tooLarge.Add(float64(tooLarge))
	}
	if logs > 0 {
		s.m.logsDisabled.Add(float64(logs))
	}
	if n := s.store(sc, size); n > 0 {
		s.m.accepted.Add(float64(n))
	}
}

// store copies sc.kept, tagged, into one new buffer of size bytes (enough
// for every envelope with every tag) and puts them in the diode. It returns
// how many it stored.
func (s *ingress) store(sc *scratch, size int) int {
	if len(sc.kept) == 0 {
		return 0
	}
	buf := make([]byte, 0, size)
	sc.out = sc.out[:0]
	for _, e := range sc.kept {
		start := len(buf)
		buf = append(buf, e...)
		buf = s.tags.appendMissing(buf, e, &sc.keys)
		sc.out = append(sc.out, buf[start:len(buf):len(buf)])
	}
	for _, e := range sc.out {
		s.buf.Set(e)
	}
	n := len(sc.out)
	clear(sc.kept)
	clear(sc.out)
	return n
}

// hasOrigin reports whether env carries an origin tag in either tag map.
func hasOrigin(env []byte) bool {
	found := false
	wire.EachTagKey(env, func(k []byte) bool {
		found = string(k) == "origin"
		return !found
	})
	return found
}

// fillSourceID returns env with its empty source_id set from the origin
// tag, preferring tags over deprecated_tags, as existing emitters expect.
// Few producers rely on it, so it decodes and re-encodes; on any error it
// returns env as it was.
func fillSourceID(env []byte) []byte {
	var e loggregator_v2.Envelope
	if proto.Unmarshal(env, &e) != nil {
		return env
	}
	e.SourceId = e.Tags["origin"]
	if e.SourceId == "" {
		e.SourceId = e.DeprecatedTags["origin"].GetText()
	}
	if e.SourceId == "" {
		return env
	}
	out, err := proto.Marshal(&e)
	if err != nil {
		return env
	}
	return out
}

// endOfStream turns a client's half-close into a clean end of the RPC; any
// other receive error (a client gone mid-stream, a server stop) just ends it.
func endOfStream(err error, closeFn func() error) error {
	if errors.Is(err, io.EOF) {
		return closeFn()
	}
	return err
}
