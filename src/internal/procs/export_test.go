package procs

// RunQueueWait is runQueueWait for the specs.
var RunQueueWait = runQueueWait

// Parks is how many idle waits Adapt has begun.
func Parks() uint64 { return parks.Load() }
