// Package boshtemplate renders a BOSH job's ERB templates for tests and local
// runs, exactly as the BOSH director would render them on a deploy.
//
// Render writes a Context (the job's manifest properties, the links it
// consumes and the instance's spec) to a temporary JSON file and runs
// scripts/bosh-template/render.rb under Ruby, which reads the job's spec,
// binds the declared properties with their defaults, and renders every file of
// the spec's templates map plus the monit file into an output directory. The
// renderer's one-line error, which names the job, the template and the line,
// becomes the returned error. Ruby must be installed; nothing else is needed.
package boshtemplate
