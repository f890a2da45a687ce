// Package mtls builds the mutual-TLS configurations every gRPC hop uses.
//
// One CA signs every certificate of a deployment. Servers require and verify
// client certificates; clients verify the server's name ("metron", "doppler",
// "reverselogproxy"). TLS 1.2 is the minimum. Loading checks the files up
// front, so a missing, unreadable, expired or mismatched certificate or key is
// reported with the file's name at start-up rather than as a handshake failure
// later.
package mtls
