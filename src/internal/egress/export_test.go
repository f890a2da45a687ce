package egress

// Sizable exposes sizable to the specs.
var Sizable = sizable
