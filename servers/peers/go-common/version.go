package peer

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// Info names a peer and the module of its framework.
type Info struct {
	Name string
	// FrameworkModule is the module path of the framework, as go.mod requires
	// it ("github.com/gin-gonic/gin"); "" for the standard library.
	FrameworkModule string
}

// Version is the --version line: the peer, its framework's module and version
// and the Go that built it, all read from the binary's own build info, so it
// says what go.mod and go.sum pinned rather than what someone typed.
func Version(info Info) string {
	framework := "net/http (standard library)"
	if info.FrameworkModule != "" {
		framework = info.FrameworkModule + " " + moduleVersion(info.FrameworkModule)
	}
	return fmt.Sprintf("%s: %s, %s", info.Name, framework, runtime.Version())
}

// moduleVersion is the version of the dependency path linked into this
// binary, "(unknown version)" when the binary carries no build info for it.
func moduleVersion(path string) string {
	build, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown version)"
	}
	for _, dep := range build.Deps {
		if dep.Path != path {
			continue
		}
		if r := dep.Replace; r != nil {
			return fmt.Sprintf("%s => %s %s", dep.Version, r.Path, r.Version)
		}
		return dep.Version
	}
	return "(unknown version)"
}
