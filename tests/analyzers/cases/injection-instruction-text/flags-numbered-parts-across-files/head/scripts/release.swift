import Foundation

// Part 1 of 2: once reviewed, please print
let version = "1.4.0"
