Component({
  properties: {
    value: { type: Number, value: 0 },
    min: { type: Number, value: 0 },
    max: { type: Number, value: 99 }
  },
  methods: {
    change(delta) {
      const v = Math.min(this.data.max, Math.max(this.data.min, this.data.value + delta))
      if (v === this.data.value) return
      this.setData({ value: v })
      this.triggerEvent('change', { value: v })
    },
    onMinus() { this.change(-1) },
    onPlus() { this.change(1) }
  }
})
