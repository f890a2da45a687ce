package procs

// RunQueueWait is runQueueWait for the specs.
var RunQueueWait = runQueueWait
