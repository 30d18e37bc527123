package style

func initPaintShorthands() {}
