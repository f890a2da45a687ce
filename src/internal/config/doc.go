// Package config loads a component's JSON configuration file.
//
// Every binary reads one JSON file named by --config. Load decodes it over a
// value that already holds the component's defaults, rejects fields the
// component does not know, and then calls Validate, so a typo in a manifest
// property surfaces as an error naming the field instead of a silent default.
package config
