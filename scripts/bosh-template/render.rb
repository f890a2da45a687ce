#!/usr/bin/env ruby
# frozen_string_literal: true

# Renders one BOSH job's templates the way the BOSH director does, using only
# Ruby's standard library (the bosh CLI and the bosh-template gem are not
# available everywhere this project is built and tested).
#
# Usage:
#   ruby scripts/bosh-template/render.rb --job-dir jobs/<job> \
#        --context <context.json> --output <dir>
#
# Writes every file of the spec's `templates:` map to <dir>/<destination> and
# the rendered `monit` file to <dir>/monit. Exits 0 on success; on failure it
# prints one line to stderr and exits 1.
#
# context.json (every key optional):
#   {
#     "properties": { ...the job's properties as written in the manifest... },
#     "links": {
#       "<consumed link name>": {
#         "properties": { ... },
#         "instances": [{"name": "doppler", "id": "...", "index": 0,
#                        "az": "z1", "address": "10.0.0.1", "bootstrap": true}],
#         "address": "q-s0.doppler.default.loggregator.bosh",
#         "instance_group": "...", "default_network": "...",
#         "deployment_name": "...", "domain": "..."
#       }
#     },
#     "spec": {
#       "name": "<instance group>", "id": "<uuid>", "index": 0, "az": "z1",
#       "ip": "127.0.0.1", "address": "127.0.0.1", "deployment": "loggregator",
#       "bootstrap": true, "networks": {"default": {"ip": "127.0.0.1", ...}},
#       "dns_domain_name": "bosh", "persistent_disk": 0,
#       "release": {"name": "loggregator", "version": "dev"},
#       "job": {...}, "resource_pool": "..."
#     }
#   }
#
# Semantics, each as the director has them:
# - Properties: for every property the job spec declares, in spec order, the
#   manifest value if it is non-nil, else the spec default; dotted names nest
#   (doppler.grpc_port -> {"doppler" => {"grpc_port" => ...}}), hash values are
#   sorted by key, and a property whose parent is not a hash is an error.
#   Manifest properties the spec does not declare are invisible. Spec defaults
#   go through JSON once, as the director stores them.
# - Links: only links the spec `consumes:` are visible (others in the context
#   are dropped). A consumed link present in the context is resolved; a
#   non-optional consumed link missing from it fails like a deploy does. A
#   link's `address` is returned by link(...).address as for a manual link;
#   without it, link(...).address is the director's long-form DNS query when
#   instance_group, default_network, deployment_name and domain are given.
# - spec: the fields above, defaulted for a single local instance: name = job
#   name, id = 00000000-0000-0000-0000-000000000000, index 0, az "z1",
#   deployment "local", bootstrap true, ip "127.0.0.1", one network "default"
#   holding that ip; address = ip; ip is derived from the networks as the
#   director does (the network that is addressable, else the first holding
#   the default gateway); each network gets its dns_record_name; release
#   {"local", "dev"}.
# - Rendering: ERB with trim mode "-"; monit first, then templates in spec
#   order, sharing one evaluation context that is replaced by a fresh copy only
#   after a template changed it. Errors read "Error filling in template
#   '<src>' (line <n>: <message>)", under "Unable to render templates for job
#   '<job>'. Errors are:".
# - Helpers templates may call: p, if_p, link, if_link (with .else,
#   .else_if_p, .else_if_link), spec, name, index, properties, raw_properties,
#   Shellwords, JSON, and Object#blank?/#present?/#presence (the director loads
#   ActiveSupport for those three; a small stand-in is defined here).

require 'erb'
require 'fileutils'
require 'json'
require 'optparse'
require 'ostruct'
require 'shellwords'
require 'yaml'

Encoding.default_external = Encoding::UTF_8
Encoding.default_internal = nil

# Stand-ins for the three ActiveSupport methods BOSH templates lean on, defined
# only when ActiveSupport itself is not loaded.
unless Object.method_defined?(:blank?)
  class Object
    def blank?
      respond_to?(:empty?) ? !!empty? : !self
    end

    def present?
      !blank?
    end

    def presence
      self if present?
    end
  end

  class NilClass
    def blank? = true
  end

  class FalseClass
    def blank? = true
  end

  class TrueClass
    def blank? = false
  end

  class Numeric
    def blank? = false
  end

  class String
    def blank?
      empty? || /\A[[:space:]]*\z/.match?(self)
    end
  end
end

module BoshTemplate
  # Raised by p(...) when none of the names is set; the message quotes the
  # list of names the way the gem does: Can't find property '["a.b"]'.
  class UnknownProperty < StandardError
    attr_reader :name

    def initialize(names)
      @name = names
      super("Can't find property '#{names}'")
    end
  end

  # Raised by link(...) when the link is not consumed or not resolved.
  class UnknownLink < StandardError
    def initialize(name)
      super("Can't find link '#{name}'")
    end
  end

  # Raised while binding properties when a dotted name crosses a non-hash.
  class InvalidPropertyType < StandardError; end

  # Any failure that stops rendering; its message is the one line the CLI prints.
  class RenderError < StandardError; end

  # Dotted-name property access shared by the context, links and instances.
  module PropertyHelper
    def lookup_property(collection, name)
      return nil if collection.nil?

      ref = collection
      name.split('.').each do |key|
        ref = ref[key]
        return nil if ref.nil?
      end
      ref
    end

    def set_property(dst, name, value)
      keys = name.split('.')
      ref = dst
      keys[0..-2].each do |key|
        ref[key] ||= {}
        ref = ref[key]
      end
      ref[keys[-1]] = value
    end

    def copy_property(dst, src, name, default = nil)
      validate_properties_format(src, name)
      value = lookup_property(src, name)
      set_property(dst, name, value.nil? ? default : value)
    end

    def validate_properties_format(properties, name)
      ref = properties
      name.split('.').each do |key|
        unless ref.is_a?(Hash)
          raise InvalidPropertyType, "Property '#{name}' expects a hash, but received '#{ref.class}'"
        end

        ref = ref[key]
        break if ref.nil?
      end
    end

    def sort_property(property)
      return property unless property.is_a?(Hash)

      property.each { |k, v| property[k] = sort_property(v) }.sort.to_h
    end
  end

  # Returned by if_p/if_link when the condition failed: the next branch runs.
  class ActiveElseBlock
    def initialize(context)
      @context = context
    end

    def else
      yield
    end

    def else_if_p(*names, &block)
      @context.if_p(*names, &block)
    end

    def else_if_link(name, &block)
      @context.if_link(name, &block)
    end
  end

  # Returned by if_p/if_link when a branch already ran: later branches are skipped.
  class InactiveElseBlock
    def else; end

    def else_if_p(*_names)
      InactiveElseBlock.new
    end

    def else_if_link(_name)
      InactiveElseBlock.new
    end
  end

  # p and if_p over a properties hash held in @properties.
  module PropertyLookup
    include PropertyHelper

    def p(*args)
      names = Array(args[0])
      names.each do |name|
        value = lookup_property(@properties, name)
        return value unless value.nil?
      end
      return args[1] if args.length == 2

      raise UnknownProperty, names
    end

    def if_p(*names)
      values = names.map do |name|
        value = lookup_property(@properties, name)
        return ActiveElseBlock.new(self) if value.nil?

        value
      end
      yield(*values)
      InactiveElseBlock.new
    end
  end

  # One instance of a linked instance group, as link(...).instances lists it.
  class LinkInstance
    include PropertyLookup

    attr_reader :name, :index, :id, :az, :address, :properties, :bootstrap

    def initialize(spec)
      @name = spec['name']
      @index = spec['index']
      @id = spec['id']
      @az = spec['az']
      @address = spec['address']
      @properties = spec['properties']
      @bootstrap = spec['bootstrap']
    end
  end

  # What link(name) returns: instances, the provider's properties, address.
  class Link
    include PropertyLookup

    attr_reader :instances, :properties

    def initialize(spec)
      @spec = spec
      @instances = spec['instances'].map { |instance| LinkInstance.new(instance) }
      @properties = spec['properties']
    end

    # The manual link's address when the link has one, else the director's
    # long-form (non-short) DNS query for the link's instance group.
    def address(criteria = {})
      return @spec['address'] if @spec.key?('address')

      group, network, deployment, domain = @spec.values_at('instance_group', 'default_network', 'deployment_name', 'domain')
      if [group, network, deployment, domain].any?(&:nil?)
        raise NotImplementedError, 'link.address requires bosh director'
      end

      [query_head(criteria), canonical(group), canonical(network), canonical(deployment), domain].join('.')
    end

    private

    HEALTH = { 'healthy' => 3, 'unhealthy' => 1, 'all' => 4, 'default' => 0 }.freeze

    def query_head(criteria)
      uuid = criteria[:uuid]
      return uuid unless uuid.nil?
      raise NotImplementedError, 'link.address(azs: ...) requires bosh director' unless criteria[:azs].nil?

      "q-s#{HEALTH.fetch(criteria[:status], 0)}"
    end

    def canonical(name)
      BoshTemplate.canonicalize(name)
    end
  end

  def self.canonicalize(name)
    name.to_s.downcase.tr('_', '-').gsub(/[^a-z0-9-]/, '')
  end

  # The object a template's binding belongs to: every bare name a template
  # uses (p, link, spec, name, index, ...) is a method or ivar of this class.
  class EvaluationContext
    include PropertyHelper

    attr_reader :name, :index, :properties, :raw_properties, :spec

    def initialize(spec)
      @name = spec['name']
      @index = spec['index']
      @spec = openstruct(spec, SpecStruct)
      @raw_properties = spec['properties'] || {}
      @properties = openstruct(@raw_properties, OpenStruct)
      @links = spec['links'] || {}
    end

    # Equality over the public members, used to decide whether a template
    # changed the context and the next one needs a fresh copy.
    def ==(other)
      %w[spec raw_properties name index properties].all? do |member|
        other.respond_to?(member) && send(member) == other.send(member)
      end
    end

    def get_binding # rubocop:disable Naming/AccessorMethodName
      binding
    end

    def p(*args)
      names = Array(args[0])
      names.each do |name|
        value = lookup_property(@raw_properties, name)
        return value unless value.nil?
      end
      return args[1] if args.length == 2

      raise UnknownProperty, names
    end

    def if_p(*names)
      values = names.map do |name|
        value = lookup_property(@raw_properties, name)
        return ActiveElseBlock.new(self) if value.nil?

        value
      end
      yield(*values)
      InactiveElseBlock.new
    end

    def link(name)
      spec = lookup_property(@links, name)
      raise UnknownLink, name if spec.nil? || !spec.key?('instances')

      Link.new(spec)
    end

    def if_link(name)
      spec = lookup_property(@links, name)
      return ActiveElseBlock.new(self) if spec.nil? || !spec.key?('instances')

      yield Link.new(spec)
      InactiveElseBlock.new
    end

    private

    def openstruct(object, klass)
      case object
      when Hash then klass.new(object.each_with_object({}) { |(k, v), h| h[k] = openstruct(v, klass) })
      when Array then object.map { |item| openstruct(item, klass) }
      else object
      end
    end

    # The director's `spec` struct: methods(false) lists the spec's keys.
    class SpecStruct < OpenStruct
      def methods(regular = true)
        regular ? super : marshal_dump.keys.map(&:to_sym)
      end
    end
  end

  # One ERB file of the job: the monit file or an entry of `templates:`.
  class Template
    attr_reader :src, :dest

    def initialize(job_name, src, dest, contents)
      @src = src
      @dest = dest
      @erb = ERB.new(contents, trim_mode: '-')
      @erb.filename = File.join(job_name, src)
    end

    def render(context)
      @erb.result(context.get_binding)
    rescue Exception => e # rubocop:disable Lint/RescueException -- templates can raise anything, SyntaxError included
      raise RenderError, "Error filling in template '#{@src}' (line #{line_of(e)}: #{e})"
    end

    private

    def line_of(error)
      frame = (error.backtrace || []).find { |l| l.include?(@erb.filename) }
      frame ? frame.split(':')[1] : '(unknown)'
    end
  end

  # A job directory (spec, monit, templates/) and how to render it.
  class Job
    include PropertyHelper

    attr_reader :name

    def initialize(dir)
      @dir = dir
      spec_path = File.join(dir, 'spec')
      raise RenderError, "job spec #{spec_path} not found" unless File.file?(spec_path)

      @spec = YAML.safe_load(File.read(spec_path), aliases: true) || {}
      raise RenderError, "job spec #{spec_path} is not a map" unless @spec.is_a?(Hash)

      @name = @spec['name'] || File.basename(File.expand_path(dir))
      # The director keeps a release job's spec as JSON, so defaults are whatever
      # survives one JSON round trip (string keys, no symbols or dates).
      @declared = JSON.parse(JSON.generate(@spec['properties'] || {}))
      @consumes = Array(@spec['consumes'])
    end

    # Renders monit and every template; returns {"monit" => ..., dest => ...}.
    def render(context)
      spec = template_spec(context)
      templates = load_templates

      original = EvaluationContext.new(spec)
      current = deep_copy(original)
      output = {}
      begin
        output['monit'] = templates.first.render(current)
      rescue RenderError => e
        raise RenderError, job_error([e.message])
      end

      errors = []
      templates.drop(1).each do |template|
        current = deep_copy(original) unless original == current
        begin
          output[template.dest] = template.render(current)
        rescue RenderError => e
          errors << e.message
        end
      end
      raise RenderError, job_error(errors) unless errors.empty?

      output
    end

    # The spec hash the director hands EvaluationContext for this job.
    def template_spec(context)
      given = context.fetch('spec', nil) || {}
      spec = default_spec(given)
      spec['properties'] = bind_properties(context.fetch('properties', nil) || {})
      spec['links'] = bind_links(context.fetch('links', nil) || {}, spec['name'])
      spec
    end

    private

    def load_templates
      monit_path = File.join(@dir, 'monit')
      raise RenderError, "job '#{@name}' has no monit file at #{monit_path}" unless File.file?(monit_path)

      templates = [Template.new(@name, 'monit', 'monit', File.read(monit_path))]
      (@spec['templates'] || {}).each_pair do |src, dest|
        path = File.join(@dir, 'templates', src)
        raise RenderError, "job '#{@name}' template #{path} not found" unless File.file?(path)

        templates << Template.new(@name, src, dest, File.read(path))
      end
      templates
    end

    def default_spec(given)
      spec = JSON.parse(JSON.generate(given))
      spec['deployment'] ||= 'local'
      spec['name'] ||= @name
      spec['id'] ||= '00000000-0000-0000-0000-000000000000'
      spec['index'] ||= 0
      spec['az'] = 'z1' unless spec.key?('az')
      spec['bootstrap'] = true unless spec.key?('bootstrap')
      spec['dns_domain_name'] ||= 'bosh'
      spec['persistent_disk'] ||= 0
      spec['properties_need_filtering'] = true
      spec['release'] ||= { 'name' => 'local', 'version' => 'dev' }
      spec['job'] ||= { 'name' => spec['name'], 'templates' => [{ 'name' => @name }] }
      spec['networks'] ||= { 'default' => default_network(spec['ip'] || '127.0.0.1') }
      decorate_networks(spec)
      spec['address'] ||= spec['ip']
      spec
    end

    def default_network(ip)
      { 'type' => 'manual', 'ip' => ip, 'netmask' => '255.255.255.0', 'gateway' => ip,
        'default' => %w[dns gateway], 'dns' => [], 'cloud_properties' => {} }
    end

    # Adds dns_record_name to each network and derives ip as the director does.
    def decorate_networks(spec)
      ip = nil
      spec['networks'].each_pair do |network, settings|
        settings['dns_record_name'] ||= [
          spec['index'], BoshTemplate.canonicalize(spec['job']['name']), BoshTemplate.canonicalize(network),
          BoshTemplate.canonicalize(spec['deployment']), spec['dns_domain_name']
        ].join('.')
        defaults = settings['default'] || []
        ip = settings['ip'] if defaults.include?('addressable') || (!ip && defaults.include?('gateway'))
        next unless settings['type'] == 'dynamic'

        %w[ip netmask gateway].each { |key| settings[key] ||= '127.0.0.1' }
      end
      # The director always derives ip from the networks; a given ip only
      # stands when the networks name no default gateway or addressable one.
      spec['ip'] = ip unless ip.nil? && spec.key?('ip')
    end

    def bind_properties(manifest)
      bound = {}
      @declared.each_pair do |name, definition|
        validate_properties_format(manifest, name)
        value = lookup_property(manifest, name)
        value = (definition || {})['default'] if value.nil?
        set_property(bound, name, sort_property(deep_copy(value)))
      end
      bound
    rescue InvalidPropertyType => e
      raise RenderError, "job '#{@name}': #{e.message}"
    end

    def bind_links(given, instance_group)
      @consumes.each_with_object({}) do |consume, links|
        link_name = consume['name']
        provided = given[link_name]
        if provided.nil?
          next if consume['optional']

          raise RenderError, "Failed to resolve link '#{link_name}' with type '#{consume['type']}' from job " \
                             "'#{@name}' in instance group '#{instance_group}'. Details below: - No link providers found"
        end

        link = deep_copy(provided)
        link['instances'] ||= []
        link['properties'] = (link['properties'] || {}).transform_values { |v| sort_property(v) }
        links[link_name] = link
      end
    end

    def job_error(errors)
      details = errors.map { |message| "- #{message.strip}" }.join(' ')
      "Unable to render templates for job '#{@name}'. Errors are: #{details}".gsub(/\s*\n\s*/, ' ')
    end

    def deep_copy(object)
      Marshal.load(Marshal.dump(object))
    end
  end

  # Command line entry point; returns the process exit code.
  module CLI
    def self.run(argv)
      options = parse(argv)
      context = JSON.parse(File.read(options[:context]))
      raise RenderError, "context #{options[:context]} is not a JSON object" unless context.is_a?(Hash)

      write(Job.new(options[:job_dir]).render(context), options[:output])
      0
    rescue RenderError, InvalidPropertyType, JSON::ParserError, Psych::Exception, SystemCallError, OptionParser::ParseError => e
      warn e.message.gsub(/\s*\n\s*/, ' ')
      1
    end

    def self.parse(argv)
      options = {}
      OptionParser.new do |opts|
        opts.banner = 'usage: render.rb --job-dir DIR --context FILE --output DIR'
        opts.on('--job-dir DIR') { |v| options[:job_dir] = v }
        opts.on('--context FILE') { |v| options[:context] = v }
        opts.on('--output DIR') { |v| options[:output] = v }
      end.parse!(argv)
      missing = %i[job_dir context output].reject { |key| options[key] }
      raise RenderError, "missing #{missing.map { |k| "--#{k.to_s.tr('_', '-')}" }.join(', ')}" unless missing.empty?

      options
    end

    def self.write(files, output)
      files.each do |dest, contents|
        path = File.join(output, dest)
        FileUtils.mkdir_p(File.dirname(path))
        File.binwrite(path, contents)
        File.chmod(dest.start_with?('bin/') ? 0o755 : 0o644, path)
      end
    end
  end
end

exit(BoshTemplate::CLI.run(ARGV)) if $PROGRAM_NAME == __FILE__
