Component({
  options: { virtualHost: true },
  properties: {
    count: {
      type: Number,
      value: 0,
      observer(n) {
        this.setData({ text: n > 99 ? '99+' : String(n), show: n > 0 })
      }
    }
  },
  data: { text: '', show: false }
})
