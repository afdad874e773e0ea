package lb

import weakrand "math/rand/v2"

func pick(pool []int, k int) []int {
	choices := make([]int, 0, k)
	var available int
	for range pool {
		available++
		j := weakrand.IntN(available) //nolint:gosec
		if j < k {
			choices = append(choices, j)
		}
	}
	return choices
}
