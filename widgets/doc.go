// Package widgets owns the built-in components (view, text, span, image,
// button, scroll-view, swiper, …) as units. Each is a Component
// (registry.go): its Spec (tag, how far Skyline supports it, its layout
// role), its own attributes with WeChat's defaults (attributes.go) and its
// rule in the built-in sheet (DefaultStyles, built from the components in
// defaults.go). A component that decides more for itself has its own file
// holding its Component, so a new one touches only that file and the
// components list. Today that is image.go (image, cover-image):
// the mode attribute's fourteen modes, widthFix / heightFix sizing as a
// measured leaf and as the style layout sees, and which src values name a
// package file; and the form controls, one file each — button.go,
// switch.go, checkbox.go (checkbox, checkbox-group), radio.go (radio,
// radio-group), slider.go, progress.go, icon.go, label.go, form.go.
//
// The form controls speak the contract of control.go. A Component's
// Control says what kind of control it is and gives the host
//   - Classes: state classes from its attributes and state
//     (wx-button-primary, …) that its Sheet — rules appended to the
//     built-in sheet — styles, so the look that CSS can express is CSS
//     (button is all CSS; WeChat's `button[type=primary]` rules become
//     class rules of the same weight, since WXSS has no attribute
//     selectors);
//   - Paint: what CSS cannot draw (switch track and knob, checkmarks, the
//     slider, icons, progress bars, a loading spinner in the button's
//     ::before box), drawn through a Canvas in CSS px with
//     engine/paint/raster's paths, given the box, computed style,
//     attributes (Attrs) and the per-node State the host keeps;
//   - Size: the box size attributes ask for (icon size, progress
//     stroke-width, slider block-size) on an axis the page leaves auto;
//   - Follows, Sync, Reset: which attribute the state follows (checked,
//     value) and taking it from there:
//     a user's toggle holds until the page sets the attribute to
//     something new, as WeChat's uncontrolled components behave;
//   - HoverClass / HoverTimes: press feedback defaults (button-hover,
//     20 / 70 ms; every other element none, 50 / 400 ms);
//   - Group, FormValue, LabelTarget, SliderValueAt: what the host's tree
//     walks (checkbox-group and radio-group change events, form submit,
//     label taps, slider drags) need to know about one control.
//
// The engine (engine/controls.go) keeps the State, sets the classes,
// runs the touch stream's taps and drags through these and queues the
// events (change, changing, submit, reset) with WeChat's detail shapes.
//
// A component sees plain inputs — attribute values, computed styles, a
// picture's natural size, its box — never the engine's nodes: the engine
// adapts its nodes to these functions and keeps loading files behind its
// package sandbox. widgets may import style, layout and engine/paint/raster
// (pure geometry and colour for drawing); it must not import engine
// (internal/archtest holds the rule).
package widgets
