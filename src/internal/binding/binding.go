package binding

// Paths served by Handler and read by Client.
const (
	BindingsPath  = "/v2/bindings"
	AggregatePath = "/v2/aggregate"
)

// Binding is one drain URL and everyone who sends to it. The same URL bound
// with different client certificates has one Credentials per certificate.
type Binding struct {
	// URL is the drain, such as "syslog-tls://logs.example.com:6514".
	URL string `json:"url"`
	// Credentials are the TLS materials to reach URL with, each with the
	// apps that use them; a drain without mTLS has one with empty PEMs.
	Credentials []Credentials `json:"credentials"`
}

// Credentials are a client certificate, its key and the CA of the drain's
// certificate (PEM, each possibly empty), and the apps bound to the drain
// with them.
type Credentials struct {
	Cert string `json:"cert"`
	Key  string `json:"key"`
	CA   string `json:"ca"`
	Apps []App  `json:"apps"`
}

// App is an app bound to a drain: its guid, which is the source id of its
// envelopes, and the hostname its messages carry.
type App struct {
	Hostname string `json:"hostname"`
	AppID    string `json:"app_id"`
}
