package routerpool

// All and Preferred expose a resolution's address lists to the tests.
func All(a *addrs) []string       { return a.all }
func Preferred(a *addrs) []string { return a.preferred }
