package peer

import (
	"net"
	"sync"
)

// countingListener counts connections for /metrics and closes a new
// connection at once when --max-conns are already open (net/http's own
// netutil.LimitListener would queue it instead).
type countingListener struct {
	net.Listener
	metrics  *Metrics
	maxConns int64
}

func (l *countingListener) Accept() (net.Conn, error) {
	for {
		conn, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		if l.maxConns > 0 && l.metrics.connectionsOpen.Load() >= l.maxConns {
			conn.Close()
			l.metrics.connectionsRejected.Add(1)
			continue
		}
		l.metrics.connectionsOpen.Add(1)
		l.metrics.connectionsTotal.Add(1)
		return &countedConn{Conn: conn, metrics: l.metrics}, nil
	}
}

// countedConn leaves the open count once, however often it is closed.
type countedConn struct {
	net.Conn
	metrics *Metrics
	once    sync.Once
}

func (c *countedConn) Close() error {
	c.once.Do(func() { c.metrics.connectionsOpen.Add(-1) })
	return c.Conn.Close()
}
