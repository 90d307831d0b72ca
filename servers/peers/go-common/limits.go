package peer

// Limits of the contract (docs/api.md).
const (
	MaxHeaderBytes   = 8 << 10
	DefaultBodyLimit = 1 << 20
	DefaultCacheMB   = 256
	MaxCacheKey      = 250
	MaxCacheValue    = 1 << 20
	MaxWorkMs        = 1000
	DefaultIdleMs    = 10000
	DefaultHeaderMs  = 5000
	maxCustomer      = 64
	maxSku           = 32
	maxItems         = 1000
	maxQty           = 1000
	maxPriceCents    = 1000000000
	maxNote          = 1024
)
