# main tests
