Component({
  options: { multipleSlots: true },
  properties: {
    title: String,
    isLast: Boolean
  }
})
