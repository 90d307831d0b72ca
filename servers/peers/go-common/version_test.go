package peer

import (
	"runtime"
	"strings"
	"testing"
)

func TestVersionOfTheStandardLibraryPeerNamesNetHTTPAndGo(t *testing.T) {
	want := "go-nethttp: net/http (standard library), " + runtime.Version()
	if got := Version(Info{Name: "go-nethttp"}); got != want {
		t.Fatalf("Version = %q, want %q", got, want)
	}
}

func TestVersionOfAFrameworkNotLinkedIsUnknown(t *testing.T) {
	got := Version(Info{Name: "p", FrameworkModule: "example.com/not/linked"})
	if !strings.HasPrefix(got, "p: example.com/not/linked (unknown version), go") {
		t.Fatalf("Version = %q", got)
	}
}
