package metrics

import (
	"context"
	"sync"
)

// Side runs what every component runs beside its work: the /metrics server
// and the loops that send the component's own metrics. A failure of any of
// them stops the component the same way in every component: the component
// selects on Failed beside its own servers, and Stop, called last in its
// shutdown, returns the failure.
//
// Failed and Stop may be called from any goroutine; Stop more than once.
type Side struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
	failed chan struct{}
	once   sync.Once
	err    error // the first failure; written before failed is closed
}

// StartSide runs srv (nil when /metrics is disabled) and each loop in its own
// goroutine until Stop. A loop returns nil when its context ends and an
// error when it cannot go on; the first error ends the others and closes
// Failed.
func StartSide(srv *Server, loops ...func(context.Context) error) *Side {
	ctx, cancel := context.WithCancel(context.Background())
	s := &Side{cancel: cancel, failed: make(chan struct{})}
	if srv != nil {
		loops = append([]func(context.Context) error{srv.Run}, loops...)
	}
	for _, loop := range loops {
		s.wg.Go(func() {
			if err := loop(ctx); err != nil {
				s.fail(err)
			}
		})
	}
	return s
}

func (s *Side) fail(err error) {
	s.once.Do(func() {
		s.err = err
		close(s.failed)
		s.cancel()
	})
}

// Failed is closed when a loop or the server has failed.
func (s *Side) Failed() <-chan struct{} { return s.failed }

// Stop ends every loop and the server, waits for them, and returns the first
// failure, or nil.
func (s *Side) Stop() error {
	s.cancel()
	s.wg.Wait()
	select {
	case <-s.failed:
		return s.err
	default:
		return nil
	}
}
