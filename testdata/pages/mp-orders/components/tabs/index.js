Component({
  properties: {
    tabs: { type: Array, value: [] },
    active: { type: Number, value: 0 }
  },
  data: { indicator: '' },
  observers: {
    'tabs, active'(tabs, active) {
      const w = tabs.length ? 100 / tabs.length : 100
      this.setData({ indicator: `left: ${active * w}%; width: ${w}%` })
    }
  },
  methods: {
    onTab(e) {
      const index = e.currentTarget.dataset.index
      if (index === this.data.active) return
      this.setData({ active: index })
      this.triggerEvent('change', { index, key: this.data.tabs[index].key })
    }
  }
})
