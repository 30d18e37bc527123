// What the feed API returned last (a local fixture: the page works offline).
module.exports = {
  articles: [
    { id: 101, title: '西湖边的春日骑行路线', en: 'A spring ride around West Lake', author: '阿澈', tag: '出行', likes: 1280, minutes: 6, hue: '#4facfe' },
    { id: 102, title: 'Skyline 渲染引擎入门：从 WebView 迁移', en: 'Moving a mini-program to Skyline', author: 'Mina', tag: '技术', likes: 342, minutes: 12, hue: '#7f7fd5' },
    { id: 103, title: '一杯好咖啡的五个细节', en: 'Five details of a good coffee', author: '豆子', tag: '生活', likes: 89, minutes: 4, hue: '#c79081' }
  ]
}
