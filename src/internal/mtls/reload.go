package mtls

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// checkInterval is how long a Reloader trusts its last look at its files:
// at most one handshake per interval pays for the os.Stat calls. Tests lower
// it through export_test.go before making a Reloader.
var checkInterval = time.Second

// Reloader holds the certificate, key and CA pool read from one Files and
// re-reads them when the files change, so the TLS configs it makes take a
// rotated certificate or CA at the next handshake without a restart.
// Connections already open keep the identity they were made with.
//
// Nothing runs in the background: the handshake that finds the interval
// since the last check has passed stats the files (mtime, size, inode) and
// reloads what changed, while concurrent handshakes go on with what is
// loaded. The CA and the certificate/key pair reload independently. A file
// that fails to load (half written, a certificate whose key has not been
// written yet, expired, not PEM) leaves the old material in use, is counted
// in Failures and reported by Err, and is tried again at every later check
// until it loads, so a rotation that writes the certificate and the key one
// after the other never fails a handshake. A rewrite that keeps a file's
// inode, size and modification time is not seen.
//
// A Reloader is safe for concurrent use; its configs may be cloned (gRPC
// and net/http do) and all clones share it.
type Reloader struct {
	files    Files
	withCA   bool // files.CA is loaded
	withPair bool // files.Cert and files.Key are loaded
	interval time.Duration
	start    time.Time // monotonic origin of next

	// next is when, in nanoseconds since start, the next check is due; the
	// handshake that advances it does the check.
	next     atomic.Int64
	cur      atomic.Pointer[material]
	reloads  atomic.Uint64
	failures atomic.Uint64

	mu       sync.Mutex // held by the one check running; guards the fields below
	caSeen   os.FileInfo
	certSeen os.FileInfo
	keySeen  os.FileInfo
	caErr    error
	pairErr  error
}

// material is what one generation of files holds; it is never modified once
// published, a reload publishes a new one.
type material struct {
	cert *tls.Certificate // nil when the Files name no certificate
	pool *x509.CertPool   // nil when the Files name no CA
}

// NewReloader loads f and returns a Reloader that keeps it current. A field
// left empty is not loaded: an Identity's certificate and key need no CA,
// and a client that presents no certificate needs only the CA. A file that
// cannot be loaded is an error naming it.
func NewReloader(f Files) (*Reloader, error) {
	return load(f, f.CA != "", f.Cert != "" || f.Key != "")
}

// load is NewReloader told which parts to load, so that an empty name of a
// part that is needed fails as a missing file.
func load(f Files, withCA, withPair bool) (*Reloader, error) {
	r := &Reloader{files: f, withCA: withCA, withPair: withPair, interval: checkInterval, start: time.Now()}
	r.next.Store(int64(r.interval))
	m := &material{}
	if withCA {
		pool, seen, err := loadCAFile(f.CA)
		if err != nil {
			return nil, err
		}
		m.pool, r.caSeen = pool, seen
	}
	if withPair {
		cert, certSeen, keySeen, err := loadPairFiles(f.Cert, f.Key)
		if err != nil {
			return nil, err
		}
		m.cert, r.certSeen, r.keySeen = cert, certSeen, keySeen
	}
	r.cur.Store(m)
	return r, nil
}

// Server returns a TLS config that presents the current certificate and
// requires a client certificate signed by the current CA. cipherSuites are
// IANA names; empty means Go's defaults.
//
// Each handshake runs on a config GetConfigForClient makes from this one
// with the current certificate and CA (ClientCAs, RequireAndVerifyClientCert),
// so Go's own verification refuses a client and sends the alert that says
// why (unknown_ca, certificate_expired, bad_certificate). That config offers
// the ALPN protocols h2 and http/1.1 (gRPC adds h2 only to its own clone,
// which GetConfigForClient does not see) and no session tickets, so every
// connection is verified against the CA of its time. Callers may set other
// fields, such as MaxVersion or VerifyConnection, before serving; they must
// not set Certificates, ClientCAs, GetCertificate or GetConfigForClient.
func (r *Reloader) Server(cipherSuites []string) (*tls.Config, error) {
	m := r.cur.Load()
	if m.cert == nil || m.pool == nil {
		return nil, errors.New("tls server: a CA, a certificate and a key are required")
	}
	cfg, err := r.config(cipherSuites)
	if err != nil {
		return nil, err
	}
	if err := checkKeyForSuites(m.cert, cfg.CipherSuites, r.files.Cert); err != nil {
		return nil, err
	}
	cfg.GetCertificate = r.certificate
	cfg.ClientAuth = tls.RequireAndVerifyClientCert
	cfg.GetConfigForClient = func(*tls.ClientHelloInfo) (*tls.Config, error) {
		c := cfg.Clone()
		c.GetConfigForClient = nil
		c.ClientCAs = r.current().pool
		c.SessionTicketsDisabled = true
		if len(c.NextProtos) == 0 {
			c.NextProtos = []string{"h2", "http/1.1"}
		}
		return c, nil
	}
	return cfg, nil
}

// ServerNoClientAuth returns a TLS config that presents the current
// certificate and asks nothing of clients, for a server that authenticates
// its callers otherwise, such as the gateway's HTTPS with bearer tokens.
func (r *Reloader) ServerNoClientAuth(cipherSuites []string) (*tls.Config, error) {
	cert := r.cur.Load().cert
	if cert == nil {
		return nil, errors.New("tls server: a certificate and a key are required")
	}
	cfg, err := r.config(cipherSuites)
	if err != nil {
		return nil, err
	}
	if err := checkKeyForSuites(cert, cfg.CipherSuites, r.files.Cert); err != nil {
		return nil, err
	}
	cfg.GetCertificate = r.certificate
	return cfg, nil
}

// Client returns a TLS config that presents the current certificate and
// verifies that the server's certificate, signed by the current CA, is valid
// for serverName.
//
// InsecureSkipVerify is set only to turn off Go's verification against a
// RootCAs fixed at construction: VerifyConnection verifies the chain against
// the current CA and the name against serverName on every connection,
// resumed or not, and fails the handshake otherwise. Callers may wrap
// VerifyConnection but must call the original, and must not clear it.
func (r *Reloader) Client(serverName string, cipherSuites []string) (*tls.Config, error) {
	if r.cur.Load().cert == nil {
		return nil, errors.New("tls client: a certificate and a key are required")
	}
	cfg, err := r.ClientNoCert(serverName, cipherSuites)
	if err != nil {
		return nil, err
	}
	cfg.GetClientCertificate = r.clientCertificate
	return cfg, nil
}

// ClientNoCert is Client for a server that asks for no client certificate:
// it verifies the server against the current CA and serverName, a DNS name
// or an IP address, and presents nothing.
func (r *Reloader) ClientNoCert(serverName string, cipherSuites []string) (*tls.Config, error) {
	if serverName == "" {
		return nil, errors.New("tls client: server name is required")
	}
	if r.cur.Load().pool == nil {
		return nil, errors.New("tls client: a CA is required")
	}
	cfg, err := r.config(cipherSuites)
	if err != nil {
		return nil, err
	}
	cfg.ServerName = serverName
	cfg.InsecureSkipVerify = true //nolint:gosec // VerifyConnection verifies the chain and the name; see Client
	cfg.VerifyConnection = func(cs tls.ConnectionState) error {
		if err := verifyChain(cs.PeerCertificates, r.current().pool, serverName, x509.ExtKeyUsageServerAuth); err != nil {
			return fmt.Errorf("tls: verify server certificate: %w", err)
		}
		return nil
	}
	return cfg, nil
}

// Reloads counts the times changed files were loaded and put to use, not
// counting the first load.
func (r *Reloader) Reloads() uint64 { return r.reloads.Load() }

// Failures counts the checks that found changed files but could not load
// them. A file that stays broken is counted at every check.
func (r *Reloader) Failures() uint64 { return r.failures.Load() }

// Err is why the files last seen changed could not be loaded, nil once they
// all load.
func (r *Reloader) Err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return errors.Join(r.caErr, r.pairErr)
}

func (r *Reloader) config(cipherSuites []string) (*tls.Config, error) {
	suites, err := CipherSuites(cipherSuites)
	if err != nil {
		return nil, err
	}
	return &tls.Config{MinVersion: tls.VersionTLS12, CipherSuites: suites}, nil
}

func (r *Reloader) certificate(*tls.ClientHelloInfo) (*tls.Certificate, error) {
	return r.current().cert, nil
}

func (r *Reloader) clientCertificate(*tls.CertificateRequestInfo) (*tls.Certificate, error) {
	return r.current().cert, nil
}

// verifyChain is the check Go's handshake makes when it holds the roots
// itself: the leaf, helped by the other certificates the peer sent, chains
// to roots, is valid now for usage and, when name is set, for name.
func verifyChain(certs []*x509.Certificate, roots *x509.CertPool, name string, usage x509.ExtKeyUsage) error {
	if len(certs) == 0 {
		return errors.New("no certificate")
	}
	opts := x509.VerifyOptions{Roots: roots, DNSName: name, KeyUsages: []x509.ExtKeyUsage{usage}}
	if len(certs) > 1 {
		opts.Intermediates = x509.NewCertPool()
		for _, c := range certs[1:] {
			opts.Intermediates.AddCert(c)
		}
	}
	_, err := certs[0].Verify(opts)
	return err
}

// current returns the material to use, first checking the files when the
// interval has passed. Only the handshake that advances next checks; the
// others, and any that find a check running, use what is loaded.
func (r *Reloader) current() *material {
	next := r.next.Load()
	now := int64(time.Since(r.start))
	if now >= next && r.next.CompareAndSwap(next, now+int64(r.interval)) {
		r.check()
	}
	return r.cur.Load()
}

// check reloads the CA and the pair if their files changed since they were
// last loaded, and publishes the result.
func (r *Reloader) check() {
	if !r.mu.TryLock() {
		return
	}
	defer r.mu.Unlock()
	next := *r.cur.Load()
	changed := false
	if r.withCA && fileChanged(r.files.CA, r.caSeen) {
		pool, seen, err := loadCAFile(r.files.CA)
		r.caErr = err
		if err != nil {
			r.failures.Add(1)
		} else {
			next.pool, r.caSeen, changed = pool, seen, true
		}
	}
	if r.withPair && (fileChanged(r.files.Cert, r.certSeen) || fileChanged(r.files.Key, r.keySeen)) {
		cert, certSeen, keySeen, err := loadPairFiles(r.files.Cert, r.files.Key)
		r.pairErr = err
		if err != nil {
			r.failures.Add(1)
		} else {
			next.cert, r.certSeen, r.keySeen, changed = cert, certSeen, keySeen, true
		}
	}
	if changed {
		r.cur.Store(&next)
		r.reloads.Add(1)
	}
}

// fileChanged reports whether path is no longer the file seen: another
// inode (a rename or a new symlink target, as BOSH and Kubernetes rotate),
// another size or another modification time. A file that cannot be stat'ed
// counts as changed, so that loading it reports why.
func fileChanged(path string, seen os.FileInfo) bool {
	fi, err := os.Stat(path)
	if err != nil {
		return true
	}
	return !os.SameFile(fi, seen) || fi.Size() != seen.Size() || !fi.ModTime().Equal(seen.ModTime())
}

// loadCAFile loads a CA file and returns what it stat'ed before reading, so
// a write during the read shows as a change at the next check.
func loadCAFile(path string) (*x509.CertPool, os.FileInfo, error) {
	seen, err := os.Stat(path)
	if err != nil {
		return nil, nil, fmt.Errorf("CA certificate %s: %w", path, err)
	}
	pool, err := loadCA(path)
	return pool, seen, err
}

// loadPairFiles is loadCAFile for a certificate and its key.
func loadPairFiles(certPath, keyPath string) (*tls.Certificate, os.FileInfo, os.FileInfo, error) {
	certSeen, err := os.Stat(certPath)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("certificate %s: %w", certPath, err)
	}
	keySeen, err := os.Stat(keyPath)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("key %s: %w", keyPath, err)
	}
	cert, err := loadKeyPair(certPath, keyPath)
	if err != nil {
		return nil, nil, nil, err
	}
	return &cert, certSeen, keySeen, nil
}
