Component({
  properties: {
    checked: Boolean,
    name: String
  },
  methods: {
    onTap() {
      const checked = !this.data.checked
      this.setData({ checked })
      this.triggerEvent('change', { name: this.data.name, value: checked })
    }
  }
})
