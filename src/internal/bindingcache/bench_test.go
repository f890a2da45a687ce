package bindingcache

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"loggregator/internal/binding"
	"loggregator/internal/certgen"
	"loggregator/internal/cfauth/cfauthtest"
	"loggregator/internal/config"
	"loggregator/internal/mtls"
)

// BenchmarkPoll measures one whole poll as the cache makes it: 10,000 drain
// URLs with a client certificate, key and CA each (about 1 KiB of PEM
// stand-in) bound to one app each, read in 1,000-URL pages over mutual TLS
// from the Cloud Controller stand-in, merged, checked and published.
func BenchmarkPoll(b *testing.B) {
	files, err := certgen.Identities(b.TempDir(), "cc", "binding-cache")
	if err != nil {
		b.Fatal(err)
	}
	cc, err := cfauthtest.NewSyslogDrains(files["cc"])
	if err != nil {
		b.Fatal(err)
	}
	defer cc.Close()
	pem := strings.Repeat("A", 340)
	bs := make([]cfauthtest.DrainBinding, 10000)
	for i := range bs {
		bs[i] = cfauthtest.DrainBinding{
			URL: fmt.Sprintf("syslog-tls://drain-%05d.example.com:6514", i), AppID: fmt.Sprintf("app-%05d", i),
			Hostname: "org.space.app", Cert: pem, Key: pem, CA: pem,
		}
	}
	cc.SetBindings(bs)

	cfg := DefaultConfig()
	cfg.CC.Addr, cfg.CC.ServerName, cfg.CC.TLS = cc.URL(), "cc", files["binding-cache"]
	cfg.CC.DisableKeepAlives = false
	cfg.CC.Timeout = config.Duration(time.Minute)
	tlsCfg, err := mtls.Client(cfg.CC.TLS, cfg.CC.ServerName, nil)
	if err != nil {
		b.Fatal(err)
	}
	client := newCCClient(cfg.CC, tlsCfg)
	defer client.close()
	h := binding.NewHandler()
	chk := &Cache{cfg: cfg}

	b.ReportAllocs()
	for b.Loop() {
		got, _, err := client.fetch(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		kept, _ := chk.refuse(context.Background(), got)
		if len(kept) != len(bs) {
			b.Fatalf("kept %d drains, want %d", len(kept), len(bs))
		}
		if err := h.SetBindings(kept); err != nil {
			b.Fatal(err)
		}
	}
}
