const feed = require('./data/articles.js')

Page({
  data: {
    greeting: '',
    city: '',
    articles: [],
    likedCount: 0
  },
  onLoad(query) {
    const app = getApp()
    this.setData({
      city: app.globalData.city,
      greeting: '下午好 · Good afternoon',
      articles: feed.articles.map(a => ({ ...a, liked: false }))
    })
  },
  // Cards trigger "like" with bubbles and composed: the list container's
  // bind:like catches every card's.
  onLike(e) {
    const i = this.data.articles.findIndex(a => a.id === e.detail.id)
    const a = this.data.articles[i]
    const liked = !a.liked
    this.setData({
      [`articles[${i}].liked`]: liked,
      [`articles[${i}].likes`]: a.likes + (liked ? 1 : -1),
      likedCount: this.data.likedCount + (liked ? 1 : -1)
    })
  },
  onSearch(e) {
    wx.showToast({ title: '搜索：' + e.detail.value, icon: 'none' })
  }
})
