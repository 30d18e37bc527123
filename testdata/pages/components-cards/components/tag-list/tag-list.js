Component({
  options: { virtualHost: true },
  properties: {
    tags: { type: Array, value: [] }
  }
})
