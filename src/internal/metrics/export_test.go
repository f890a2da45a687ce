package metrics

// CloseListener closes s's listener under it, as a failing network would.
func CloseListener(s *Server) error { return s.ln.Close() }
