package app

// PageTop is where the page on screen starts in the window, CSS px: below
// the navigation bar of a whole app, 0 for a page opened alone or a custom
// navigation bar. A developer tool adds it to the page's boxes (the
// preview's inspector outlines them on the window).
func (a *App) PageTop() float64 { return a.pageTop() }
