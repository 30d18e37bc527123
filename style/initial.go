package style

// Initial returns Skyline's initial computed style (spec §2.7, §2.8) under
// env.Options.
func Initial(env *Env) Computed {
	return Computed{}
}
