Component({
  externalClasses: ['ext-class'],
  properties: {
    title: String,
    showBack: Boolean
  },
  methods: {
    onBack() {
      this.triggerEvent('back', {}, { bubbles: false })
    }
  }
})
