// The shop's catalogue as a server would send it (prices in cents).
module.exports = [
  { id: 'p1', name: '阳光玫瑰葡萄', en: 'Shine Muscat', spec: '500g / 盒', cents: 3990, color: '#9ccc65', count: 1 },
  { id: 'p2', name: '海南金煌芒', en: 'Golden Mango', spec: '2.5kg / 箱', cents: 5980, color: '#ffb300', count: 2 },
  { id: 'p3', name: '智利车厘子', en: 'Chile Cherries', spec: 'JJ级 1kg', cents: 12800, color: '#c62828', count: 0 },
  { id: 'p4', name: '赣南脐橙', en: 'Navel Orange', spec: '5kg / 箱', cents: 4590, color: '#fb8c00', count: 1 }
]
