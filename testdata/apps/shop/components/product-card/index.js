Component({
  properties: {
    product: { type: Object, value: {} },
  },
  methods: {
    onTap() {
      this.triggerEvent('open', { id: this.data.product.id })
    },
  },
})
