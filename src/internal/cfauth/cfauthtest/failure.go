package cfauthtest

// Failure is how a stand-in answers while a spec wants it broken.
type Failure int

const (
	// Healthy answers as the real service would.
	Healthy Failure = iota
	// Status500 answers every request 500 Internal Server Error.
	Status500
	// Hang answers nothing until the client gives up or the stand-in closes.
	Hang
)
