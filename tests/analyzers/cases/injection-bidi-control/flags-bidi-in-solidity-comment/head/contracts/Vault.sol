// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

contract Vault {
    function withdraw(uint amount) public {
        // check the owner ‮ ; } if (msg.sender != owner) { ⁦
        payable(msg.sender).transfer(amount);
    }
}
