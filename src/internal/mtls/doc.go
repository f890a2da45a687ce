// Package mtls builds the TLS configurations every hop uses, and is the only
// place that reads certificate, key and CA files.
//
// One CA signs every certificate of a deployment. Servers require and verify
// client certificates; clients verify the server's name ("metron", "doppler",
// "reverselogproxy"). TLS 1.2 is the minimum. Loading checks the files up
// front, so a missing, unreadable, expired or mismatched certificate or key is
// reported with the file's name at start-up rather than as a handshake failure
// later.
//
// The configs re-read their files when they change (a Reloader behind each
// one, checked at most once a second on the handshake path, no goroutine):
// new handshakes present the new certificate and trust the new CA, open
// connections keep going, and a half-written rotation keeps the old files in
// use until the new ones load. So rotating certificates needs no restart.
// Because the certificate and the CA are looked up per handshake through the
// config's callbacks (GetCertificate and GetConfigForClient on servers,
// GetClientCertificate and VerifyConnection on clients), a caller must not
// replace those callbacks or set Certificates, RootCAs or ClientCAs on a
// config from this package. Servers let Go verify client chains, so a refused
// client gets the alert that says why: unknown_ca for a certificate another
// CA signed, certificate_expired, or bad_certificate.
package mtls
