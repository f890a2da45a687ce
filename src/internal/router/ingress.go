package router

// ingressStopping is the status message of agent streams ended by a stop:
// the agent then sends to another router.
const ingressStopping = "router is stopping: send to another router"

// accept is the router's ingress.Sink: the batch's envelopes go, still
// encoded, into the diode (a batch is one buffer; the diode holds slices
// of it) for the routing goroutine to check and route.
func (r *Router) accept(envs [][]byte, invalid int) {
	if invalid > 0 {
		r.m.invalid.Add(float64(invalid))
	}
	for _, e := range envs {
		r.diode.Set(e)
	}
	r.m.ingress.Add(float64(len(envs)))
}
