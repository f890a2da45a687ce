package lossprobe

// Exported for the specs in package lossprobe_test.
var (
	ParseStat        = parseStat
	ParseStatusField = parseStatusField
	CPUSeconds       = cpuSeconds
	PeakRSSKB        = peakRSSKB
	ReadEvents       = readEvents
	ErrClosing       = errClosing
)
