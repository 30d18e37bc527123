Component({
  properties: {
    placeholder: { type: String, value: '搜索' }
  },
  methods: {
    onTap() {
      this.triggerEvent('search', { value: this.data.placeholder })
    }
  }
})
