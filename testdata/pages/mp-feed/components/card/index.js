Component({
  options: { multipleSlots: true },
  properties: {
    article: { type: Object, value: {} },
    likes: {
      type: Number,
      value: 0,
      observer(n) {
        this.setData({ likesText: n >= 1000 ? (n / 1000).toFixed(1) + 'k' : String(n) })
      }
    },
    liked: Boolean
  },
  data: { likesText: '0' },
  methods: {
    onLike() {
      this.triggerEvent('like', { id: this.data.article.id }, { bubbles: true, composed: true })
    }
  }
})
