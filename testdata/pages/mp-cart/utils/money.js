// yuan formats cents as "1,234.50".
function yuan(cents) {
  const s = (cents / 100).toFixed(2)
  const [int, frac] = s.split('.')
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + frac
}
module.exports = { yuan }
