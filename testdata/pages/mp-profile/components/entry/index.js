Component({
  options: { multipleSlots: true },
  properties: {
    label: String,
    color: { type: String, value: '#576b95' },
    glyph: String
  },
  methods: {
    onTap() {
      this.triggerEvent('open', { label: this.data.label }, { bubbles: true })
    }
  }
})
