Component({
  properties: {
    item: { type: Object, value: {} },
    last: Boolean
  },
  data: { initial: '' },
  observers: {
    'item.en'(en) {
      this.setData({ initial: (en || '?').charAt(0) })
    }
  },
  methods: {
    onStep(e) {
      this.triggerEvent('change', { id: this.data.item.id, count: e.detail.value })
    }
  }
})
