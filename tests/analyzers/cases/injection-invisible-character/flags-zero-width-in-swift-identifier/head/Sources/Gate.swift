struct Gate {
    let isAdmin = false
    let is​Admin = true
}
