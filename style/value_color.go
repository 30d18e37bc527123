package style

// scolor is a specified colour: a fixed colour or currentColor.
type scolor struct {
	c       Color
	current bool
}
