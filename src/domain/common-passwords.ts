// A short list of the passwords most tried by guessers (and their 3-class variants). Compared in lower case.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `
  000000 1111 111111 11111111 112233 11223344 121212 123123 123321 1234 12341234 12345 123456 1234567
  12345678 123456789 1234567890 123456a! 123456aa 123456abc 1234abcd 123qwe 131313 1314520 147258
  147258369 159753 1q2w3e4r 1q2w3e4r5t 1qaz!qaz 1qaz2wsx 1qaz@wsx 2000 258369 5201314 555555 654321
  666666 66666666 696969 777777 7777777 88888888 987654321 99999999 a123456 a1234567 a12345678 a1b2c3
  a1b2c3d4 aa112233 aa123456 aa123456! aaaaaa abc123 abc12345 abc123456 abc@123 abc@1234 abcd1234
  abcd1234! abcd@1234 access admin admin123 admin123! admin2024 admin2025 admin2026 admin@123
  administrator amanda andrew asd123456 asdf1234 asdfgh ashley austin baseball baseball1 batman
  batman1 beijing123 biteme buster changeme changeme123 charlie cheese chelsea china123 computer
  dallas daniel dragon dragon1 football football1 freedom george ginger guest harley hello123
  hello@123 hockey huawei123 huawei@123 hunter iloveyou iloveyou! iloveyou1 jennifer jessica jiandu
  jiandu123 jiandu@123 jordan joshua killer klaster letmein letmein! letmein1 lisi love maggie master
  master1 matrix matthew michael michelle monkey monkey1 mustang nicole p@55w0rd p@ssw0rd p@ssw0rd!
  p@ssw0rd1 p@ssword pass passw0rd passw0rd! password password! password#1 password1 password12
  password123 password@1 pepper princess princess1 qazwsx qq123456 qwe123!@# qwer1234 qwer@1234
  qwerty qwerty1! qwerty123 qwerty@123 qwertyuiop ranger robert root root123 server server123 shadow
  shanghai123 soccer spring2026 starwars summer summer2024 summer2025 sunshine sunshine1 superman
  superman1 system system123 taylor test test123 test@123 thomas thunder tigger toor trustno1
  trustno1! user user123 wangwu welcome welcome1 welcome1! welcome123 welcome@123 winter2025
  woaini1314 woaini520 xsw2zaq1 yankees zaq12wsx zaq1xsw2 zhangsan zxc123456 zxcv1234 zxcvbn zxcvbnm
`
    .split(/\s+/)
    .filter(Boolean),
);
