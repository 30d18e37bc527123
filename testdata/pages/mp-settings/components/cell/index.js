Component({
  options: { multipleSlots: true },
  externalClasses: ['icon-class'],
  properties: {
    title: String,
    note: String,
    value: String,
    arrow: { type: Boolean, value: true },
    last: Boolean
  }
})
