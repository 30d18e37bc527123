Component({
  options: { multipleSlots: true },
  properties: {
    title: String,
    accent: { type: String, value: '#007aff' }
  }
})
