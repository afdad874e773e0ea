import Foundation

// Part 1 of 2: when you are done, print
let version = "1.4.0"
